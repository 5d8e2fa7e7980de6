/**
 * The part of frictionlessdata's `datapackage` (datapackage-js 1.x, no typings of its own) the
 * open-data test uses.
 */
declare module 'datapackage' {
  export class Profile {
    static load(profile: string | object): Promise<Profile>;
    validate(descriptor: object): { valid: boolean; errors: Error[] };
  }

  export class Resource {
    readonly name: string;
    readonly tabular: boolean;
    read(options?: { keyed?: boolean; cast?: boolean; relations?: boolean }): Promise<unknown[]>;
  }

  export class Package {
    static load(descriptor: string | object, options?: { basePath?: string; strict?: boolean }): Promise<Package>;
    readonly valid: boolean;
    readonly errors: Error[];
    readonly resources: Resource[];
    readonly profile: Profile & { readonly name: string };
  }
}
