import type {
  ActionDirection,
  Benchmark,
  EkkCode,
  Goal,
  IctService,
  InformationSystem,
  Institution,
} from '@ikt/shared/reference.schema';
import type {
  CreateEkkCodeInput,
  CreateIctServiceInput,
  CreateInformationSystemInput,
  CreateInstitutionInput,
  EkkCodeListQuery,
  UpdateEkkCodeInput,
  UpdateIctServiceInput,
  UpdateInformationSystemInput,
  UpdateInstitutionInput,
} from '@ikt/shared/reference.schema';
import type { Kysely } from 'kysely';
import type { Database } from '@ikt/db/database';
import { can } from '@ikt/shared/permissions';
import type { RequestContext } from '../../context';
import { insertUnique } from '../../database-errors';
import { ConflictError, ForbiddenError, NotFoundError, fieldError } from '../../errors';
import { message } from '../../messages/message';
import { recordAudit } from '../audit/audit.service';
import { createReferenceRepository, type ReferenceRepository } from './reference.repository';

const EKK_LEVELS = 4;

/** An EKK row as the API names its fields, for audit events. */
function ekkAuditShape(row: {
  code: string;
  parent_code: string | null;
  name_lv: string;
  name_en: string;
  selectable: boolean;
  retired_at: Date | null;
}) {
  return {
    code: row.code,
    parentCode: row.parent_code,
    nameLv: row.name_lv,
    nameEn: row.name_en,
    selectable: row.selectable,
    retired: row.retired_at !== null,
  };
}

const codeTaken = () => new ConflictError(message('reference.codeTaken'));
const codeNotFound = () => new NotFoundError(message('reference.codeNotFound'));
const institutionNotFound = () => new NotFoundError(message('reference.institutionNotFound'));

/** Inserts, turning a duplicate key into a 409 rather than a 500. */
const insertOnce = <T>(insert: () => Promise<T>) => insertUnique(insert, codeTaken);

/** Reference data as the API shows it (camelCase, retired flags instead of timestamps); admins maintain it. */
export function createReferenceService(db: Kysely<Database>) {
  const repository = createReferenceRepository(db);

  /** Runs an admin's change in a transaction with its audit event. */
  async function manage<T>(
    context: RequestContext,
    change: (
      repository: ReferenceRepository,
      trx: Kysely<Database>,
    ) => Promise<{ result: T; audit: Parameters<typeof recordAudit>[2] }>,
  ): Promise<T> {
    if (!can(context.actor, { action: 'referenceData.manage' }))
      throw new ForbiddenError(message('reference.notAdmin'));
    return db.transaction().execute(async (trx) => {
      const { result, audit } = await change(createReferenceRepository(trx), trx);
      await recordAudit(trx, context, audit);
      return result;
    });
  }

  return {
    async listInstitutions(): Promise<Institution[]> {
      const rows = await repository.listInstitutions();
      return rows.map((r) => ({
        id: r.id,
        code: r.code,
        nameLv: r.name_lv,
        nameEn: r.name_en,
        isItc: r.is_itc,
        active: r.active,
      }));
    },

    async listEkkCodes(query: EkkCodeListQuery): Promise<EkkCode[]> {
      const rows = await repository.listEkkCodes({
        includeRetired: query.includeRetired ?? false,
        selectableOnly: query.selectable ?? false,
      });
      return rows.map((r) => ({
        code: r.code,
        parentCode: r.parent_code,
        nameLv: r.name_lv,
        nameEn: r.name_en,
        level: Number(r.level),
        selectable: r.selectable,
        retired: r.retired_at !== null,
      }));
    },

    async listGoals(): Promise<Goal[]> {
      const rows = await repository.listGoals();
      return rows.map((r) => ({
        code: r.code,
        groupLv: r.group_lv,
        groupEn: r.group_en,
        nameLv: r.name_lv,
        nameEn: r.name_en,
        actionDirectionCodes: r.action_direction_codes,
      }));
    },

    async listActionDirections(): Promise<ActionDirection[]> {
      const rows = await repository.listActionDirections();
      return rows.map((r) => ({ code: r.code, nameLv: r.name_lv, nameEn: r.name_en, goalCodes: r.goal_codes }));
    },

    async listIctServices(): Promise<IctService[]> {
      const rows = await repository.listIctServices();
      return rows.map((r) => ({ code: r.code, nameLv: r.name_lv, nameEn: r.name_en, active: r.active }));
    },

    async listInformationSystems(): Promise<InformationSystem[]> {
      const rows = await repository.listInformationSystems();
      return rows.map((r) => ({
        code: r.code,
        name: r.name,
        functionLv: r.function_lv,
        functionEn: r.function_en,
        kind: r.kind,
        active: r.active,
      }));
    },

    async listBenchmarks(): Promise<Benchmark[]> {
      const rows = await repository.listBenchmarks();
      return rows.map((r) => ({
        indicator: r.indicator,
        riga2015: r.riga_2015,
        peerAverage: r.peer_average,
        unit: r.unit,
        source: r.source,
      }));
    },

    /** One entry as the lists show it (reference lists are short; one query serves both). */
    async findEkkCode(code: string): Promise<EkkCode> {
      const found = (await this.listEkkCodes({ includeRetired: true })).find((c) => c.code === code);
      if (!found) throw codeNotFound();
      return found;
    },
    async findIctService(code: string): Promise<IctService> {
      const found = (await this.listIctServices()).find((c) => c.code === code);
      if (!found) throw codeNotFound();
      return found;
    },
    async findInformationSystem(code: string): Promise<InformationSystem> {
      const found = (await this.listInformationSystems()).find((c) => c.code === code);
      if (!found) throw codeNotFound();
      return found;
    },
    async findInstitution(id: number): Promise<Institution> {
      const found = (await this.listInstitutions()).find((i) => i.id === id);
      if (!found) throw institutionNotFound();
      return found;
    },

    /** A new code under a parent; the parent becomes a group (not selectable) if it was a leaf. */
    createEkkCode(context: RequestContext, input: CreateEkkCodeInput) {
      return manage(context, async (repo, trx) => {
        if (input.parentCode !== null) {
          const parent = await repo.findEkkCode(input.parentCode);
          if (!parent) {
            throw fieldError(message('reference.unknownParent'), 'body.parentCode', message('field.unknownCode'));
          }
          // The classification has four levels (Cabinet Regulation No. 1031).
          if ((await repo.levelOf(parent.code)) >= EKK_LEVELS) {
            throw fieldError(message('reference.ekkLevels'), 'body.parentCode', message('reference.ekkFourthLevel'));
          }
          if (parent.selectable) {
            await repo.updateEkkCode(parent.code, { selectable: false });
            await recordAudit(trx, context, {
              action: 'ekkCode.update',
              entityType: 'ekk_code',
              entityId: parent.code,
              before: ekkAuditShape(parent),
              after: { ...ekkAuditShape(parent), selectable: false, reason: `child ${input.code} added` },
            });
          }
        }
        await insertOnce(() =>
          repo.insertEkkCode({
            code: input.code,
            parent_code: input.parentCode,
            name_lv: input.nameLv,
            name_en: input.nameEn,
            selectable: input.selectable,
          }),
        );
        const created = await repo.findEkkCode(input.code);
        return {
          result: created!,
          audit: { action: 'ekkCode.create', entityType: 'ekk_code', entityId: input.code, after: input },
        };
      });
    },

    updateEkkCode(context: RequestContext, code: string, input: UpdateEkkCodeInput) {
      return manage(context, async (repo) => {
        const before = await repo.findEkkCode(code);
        if (!before) throw codeNotFound();
        if (input.selectable === true && (await repo.hasChildren(code))) {
          throw fieldError(
            message('reference.groupNotSelectable'),
            'body.selectable',
            message('reference.hasChildren'),
          );
        }
        await repo.updateEkkCode(code, {
          ...(input.nameLv !== undefined ? { name_lv: input.nameLv } : {}),
          ...(input.nameEn !== undefined ? { name_en: input.nameEn } : {}),
          ...(input.selectable !== undefined ? { selectable: input.selectable } : {}),
          ...(input.retired !== undefined
            ? { retired_at: input.retired ? (before.retired_at ?? new Date()) : null }
            : {}),
        });
        const after = await repo.findEkkCode(code);
        return {
          result: after!,
          audit: {
            action: 'ekkCode.update',
            entityType: 'ekk_code',
            entityId: code,
            before: ekkAuditShape(before),
            after: ekkAuditShape(after!),
          },
        };
      });
    },

    createIctService(context: RequestContext, input: CreateIctServiceInput) {
      return manage(context, async (repo) => {
        await insertOnce(() =>
          repo.insertIctService({ code: input.code, name_lv: input.nameLv, name_en: input.nameEn }),
        );
        return {
          result: undefined,
          audit: { action: 'ictService.create', entityType: 'ict_service', entityId: input.code, after: input },
        };
      });
    },

    updateIctService(context: RequestContext, code: string, input: UpdateIctServiceInput) {
      return manage(context, async (repo) => {
        const updated = await repo.updateIctService(code, {
          ...(input.nameLv !== undefined ? { name_lv: input.nameLv } : {}),
          ...(input.nameEn !== undefined ? { name_en: input.nameEn } : {}),
          ...(input.active !== undefined ? { active: input.active } : {}),
        });
        if (!updated) throw codeNotFound();
        return {
          result: undefined,
          audit: { action: 'ictService.update', entityType: 'ict_service', entityId: code, after: input },
        };
      });
    },

    createInformationSystem(context: RequestContext, input: CreateInformationSystemInput) {
      return manage(context, async (repo) => {
        await insertOnce(() =>
          repo.insertInformationSystem({
            code: input.code,
            name: input.name,
            function_lv: input.functionLv,
            function_en: input.functionEn,
            kind: input.kind,
          }),
        );
        return {
          result: undefined,
          audit: {
            action: 'informationSystem.create',
            entityType: 'information_system',
            entityId: input.code,
            after: input,
          },
        };
      });
    },

    updateInformationSystem(context: RequestContext, code: string, input: UpdateInformationSystemInput) {
      return manage(context, async (repo) => {
        const updated = await repo.updateInformationSystem(code, {
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.functionLv !== undefined ? { function_lv: input.functionLv } : {}),
          ...(input.functionEn !== undefined ? { function_en: input.functionEn } : {}),
          ...(input.kind !== undefined ? { kind: input.kind } : {}),
          ...(input.active !== undefined ? { active: input.active } : {}),
        });
        if (!updated) throw codeNotFound();
        return {
          result: undefined,
          audit: { action: 'informationSystem.update', entityType: 'information_system', entityId: code, after: input },
        };
      });
    },

    createInstitution(context: RequestContext, input: CreateInstitutionInput) {
      return manage(context, async (repo) => {
        let id = 0;
        await insertOnce(async () => {
          id = await repo.insertInstitution({ code: input.code, name_lv: input.nameLv, name_en: input.nameEn });
        });
        return {
          result: id,
          audit: { action: 'institution.create', entityType: 'institution', entityId: id, after: input },
        };
      });
    },

    updateInstitution(context: RequestContext, id: number, input: UpdateInstitutionInput) {
      return manage(context, async (repo) => {
        const updated = await repo.updateInstitution(id, {
          ...(input.nameLv !== undefined ? { name_lv: input.nameLv } : {}),
          ...(input.nameEn !== undefined ? { name_en: input.nameEn } : {}),
          ...(input.active !== undefined ? { active: input.active } : {}),
        });
        if (!updated) throw institutionNotFound();
        return {
          result: undefined,
          audit: { action: 'institution.update', entityType: 'institution', entityId: id, after: input },
        };
      });
    },
  };
}

export type ReferenceService = ReturnType<typeof createReferenceService>;
