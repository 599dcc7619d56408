/**
 * The Standard Schema interface (https://standardschema.dev, v1), as its authors ask libraries to
 * copy it rather than depend on a package: zod (3.24+), valibot (1+), arktype (2+) and others
 * implement it. Only what fx-auth reads.
 */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly '~standard': {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown) => StandardSchemaV1.Result<Output> | Promise<StandardSchemaV1.Result<Output>>;
    readonly types?: { readonly input: Input; readonly output: Output } | undefined;
  };
}

// eslint-disable-next-line @typescript-eslint/no-namespace -- the shape the Standard Schema spec gives
export declare namespace StandardSchemaV1 {
  /** A validation's result: the value, or the issues. */
  export type Result<Output> =
    | { readonly value: Output; readonly issues?: undefined }
    | { readonly issues: ReadonlyArray<{ readonly message: string }> };
  /** The type a schema gives. */
  export type InferOutput<Schema extends StandardSchemaV1> = NonNullable<Schema['~standard']['types']>['output'];
}
