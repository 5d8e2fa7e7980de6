import {
  ekkCodeSchema,
  ictServiceSchema,
  informationSystemSchema,
  institutionSchema,
  tbmCategorySchema,
  type CreateEkkCodeInput,
  type CreateIctServiceInput,
  type CreateInformationSystemInput,
  type CreateInstitutionInput,
  type CreateTbmCategoryInput,
  type UpdateEkkCodeInput,
  type UpdateIctServiceInput,
  type UpdateInformationSystemInput,
  type UpdateInstitutionInput,
  type UpdateTbmCategoryInput,
} from '@ikt/shared/reference.schema';
import type { QueryKey } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiPatch, apiPost } from '../../../api/client';
import { useInvalidatingMutation } from '../../../api/query';
import { referenceKeys } from '../../../api/reference/reference-keys';
import { TBM_PATHS, tbmKeys, type TbmList } from './get-tbm-categories';

/**
 * What an administrator does to a catalogue: add an entry (POST to its path) and change one —
 * rename, retire or deactivate it (PATCH to the entry's path; with If-Match where the entry is
 * versioned). Either refreshes that catalogue.
 */
function catalogueWrites<Create, Update, Id extends string | number, S extends z.ZodType>(
  path: string,
  schema: S,
  queryKey: QueryKey,
) {
  return {
    useCreate: () => useInvalidatingMutation((input: Create) => apiPost(path, input, schema), queryKey),
    useUpdate: () =>
      useInvalidatingMutation(
        ({ id, changes, version }: { id: Id; changes: Update; version?: number }) =>
          apiPatch(`${path}/${encodeURIComponent(id)}`, changes, schema, { ifMatchVersion: version }),
        queryKey,
      ),
  };
}

export const institutionWrites = catalogueWrites<
  CreateInstitutionInput,
  UpdateInstitutionInput,
  number,
  typeof institutionSchema
>('/api/institutions', institutionSchema, referenceKeys.institutions());

export const ekkCodeWrites = catalogueWrites<CreateEkkCodeInput, UpdateEkkCodeInput, string, typeof ekkCodeSchema>(
  '/api/ekk-codes',
  ekkCodeSchema,
  referenceKeys.ekkCodes(),
);

export const ictServiceWrites = catalogueWrites<
  CreateIctServiceInput,
  UpdateIctServiceInput,
  string,
  typeof ictServiceSchema
>('/api/ict-services', ictServiceSchema, referenceKeys.ictServices());

export const informationSystemWrites = catalogueWrites<
  CreateInformationSystemInput,
  UpdateInformationSystemInput,
  string,
  typeof informationSystemSchema
>('/api/information-systems', informationSystemSchema, referenceKeys.informationSystems());

/** The TBM cost pools or towers: versioned, so a change names the version it was based on. */
export const tbmWrites = (list: TbmList) =>
  catalogueWrites<CreateTbmCategoryInput, UpdateTbmCategoryInput, string, typeof tbmCategorySchema>(
    TBM_PATHS[list],
    tbmCategorySchema,
    tbmKeys[list](),
  );
