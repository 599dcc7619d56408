const names = new Intl.DisplayNames(['en'], { type: 'language' });

/** A language code as people read it, with the code: `en_GB` → "British English (en_GB)". */
export function languageName(code: string): string {
  try {
    const name = names.of(code.replace('_', '-'));
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code; // not a language code
  }
}
