import type {
  ActionDirection,
  Benchmark,
  EkkCode,
  Goal,
  IctService,
  InformationSystem,
  Institution,
  TbmCategory,
} from '@ikt/shared/reference.schema';
import type {
  CreateEkkCodeInput,
  CreateIctServiceInput,
  CreateInformationSystemInput,
  CreateInstitutionInput,
  CreateTbmCategoryInput,
  EkkCodeListQuery,
  UpdateEkkCodeInput,
  UpdateIctServiceInput,
  UpdateInformationSystemInput,
  UpdateInstitutionInput,
  UpdateTbmCategoryInput,
} from '@ikt/shared/reference.schema';
import type { Kysely } from 'kysely';
import type { Database } from '@ikt/db/database';
import { can } from '@ikt/shared/permissions';
import type { RequestContext } from '../../context';
import { insertUnique } from '../../database-errors';
import { ConflictError, ForbiddenError, NotFoundError, fieldError } from '../../errors';
import { message } from '../../messages/message';
import { givenOnly } from '../../changes';
import { ensureVersion, type ExpectedVersion } from '../../http/etag';
import { recordAudit, type AuditEntry } from '../audit/audit.service';
import { createReferenceRepository, type ReferenceRepository, type TbmTable } from './reference.repository';

const EKK_LEVELS = 4;

/** An EKK row as the API names its fields, for audit events. */
function ekkAuditShape(row: {
  code: string;
  parent_code: string | null;
  name_lv: string;
  name_en: string;
  selectable: boolean;
  retired_at: Date | null;
  tbm_cost_pool_code: string | null;
}) {
  return {
    code: row.code,
    parentCode: row.parent_code,
    nameLv: row.name_lv,
    nameEn: row.name_en,
    selectable: row.selectable,
    retired: row.retired_at !== null,
    tbmCostPoolCode: row.tbm_cost_pool_code,
  };
}

/** A TBM mapping as the lists answer it: the field only where there is a mapping. */
const mapped = <K extends string>(field: K, code: string | null) =>
  (code === null ? {} : { [field]: code }) as Partial<Record<K, string>>;

/** How each TBM table is named in the audit trail. */
const TBM_AUDIT: Record<TbmTable, string> = { tbm_cost_pool: 'tbmCostPool', tbm_tower: 'tbmTower' };

/** A TBM row as the API shows it. */
const tbmCategoryOf = (r: { code: string; name_lv: string; name_en: string; active: boolean; version: number }) => ({
  code: r.code,
  nameLv: r.name_lv,
  nameEn: r.name_en,
  active: r.active,
  version: r.version,
});

/**
 * The pool or tower an EKK code or a service is newly mapped to exists and is in use (422 naming
 * the field otherwise); null (unmapped), or the mapping it already has, passes as it is.
 */
async function ensureTbmMapping(
  repo: ReferenceRepository,
  table: TbmTable,
  code: string | null | undefined,
  current: string | null,
  path: string,
): Promise<void> {
  if (code === undefined || code === null || code === current) return;
  const found = (await repo.listTbmCategories(table)).find((c) => c.code === code);
  if (!found || !found.active) {
    throw fieldError(
      message('reference.unknownTbm'),
      path,
      found ? message('reference.tbmInactive') : message('field.unknownCode'),
    );
  }
}

const codeTaken = () => new ConflictError(message('reference.codeTaken'));
const codeNotFound = () => new NotFoundError(message('reference.codeNotFound'));
const institutionNotFound = () => new NotFoundError(message('reference.institutionNotFound'));

/** Inserts, turning a duplicate key into a 409 rather than a 500. */
const insertOnce = <T>(insert: () => Promise<T>) => insertUnique(insert, codeTaken);

/** Reference data as the API shows it (camelCase, retired flags instead of timestamps); admins maintain it. */
export function createReferenceService(db: Kysely<Database>) {
  const repository = createReferenceRepository(db);

  /** Runs an admin's change in a transaction with the audit event it answers. */
  async function manage(
    context: RequestContext,
    change: (repository: ReferenceRepository, trx: Kysely<Database>) => Promise<AuditEntry>,
  ): Promise<AuditEntry> {
    if (!can(context.actor, { action: 'referenceData.manage' })) {
      throw new ForbiddenError(message('reference.notAdmin'));
    }
    return db.transaction().execute(async (trx) => {
      const audit = await change(createReferenceRepository(trx), trx);
      await recordAudit(trx, context, audit);
      return audit;
    });
  }

  /**
   * A change to an entry of a simple list: the fields named written (`write` answers whether the
   * entry exists, 404 otherwise), audited with what was asked, and answered as the list shows it.
   */
  async function changeEntry<K extends string | number, T>(
    context: RequestContext,
    key: K,
    input: object,
    entry: {
      action: string;
      entityType: string;
      write: (repository: ReferenceRepository) => Promise<unknown>;
      notFound: () => Error;
      find: (key: K) => Promise<T>;
    },
  ): Promise<T> {
    await manage(context, async (repo) => {
      if (!(await entry.write(repo))) throw entry.notFound();
      return { action: entry.action, entityType: entry.entityType, entityId: key, after: input };
    });
    return entry.find(key);
  }

  /** An entry of a reference list as the list shows it (the lists are short; one query serves both). */
  async function entryOf<T>(list: Promise<T[]>, isIt: (entry: T) => boolean, notFound: () => Error): Promise<T> {
    const found = (await list).find(isIt);
    if (!found) throw notFound();
    return found;
  }

  const listInstitutions = async (): Promise<Institution[]> => {
    const rows = await repository.listInstitutions();
    return rows.map((r) => ({
      id: r.id,
      code: r.code,
      nameLv: r.name_lv,
      nameEn: r.name_en,
      isItc: r.is_itc,
      active: r.active,
    }));
  };

  const listEkkCodes = async (query: EkkCodeListQuery): Promise<EkkCode[]> =>
    (
      await repository.listEkkCodes({
        includeRetired: query.includeRetired ?? false,
        selectableOnly: query.selectable ?? false,
      })
    ).map((r) => ({
      code: r.code,
      parentCode: r.parent_code,
      nameLv: r.name_lv,
      nameEn: r.name_en,
      level: Number(r.level),
      selectable: r.selectable,
      retired: r.retired_at !== null,
      ...mapped('tbmCostPoolCode', r.tbm_cost_pool_code),
    }));

  const listIctServices = async (): Promise<IctService[]> => {
    const rows = await repository.listIctServices();
    return rows.map((r) => ({
      code: r.code,
      nameLv: r.name_lv,
      nameEn: r.name_en,
      active: r.active,
      ...mapped('tbmTowerCode', r.tbm_tower_code),
    }));
  };

  const listInformationSystems = async (): Promise<InformationSystem[]> => {
    const rows = await repository.listInformationSystems();
    return rows.map((r) => ({
      code: r.code,
      name: r.name,
      functionLv: r.function_lv,
      functionEn: r.function_en,
      kind: r.kind,
      active: r.active,
    }));
  };

  const findEkkCode = (code: string) =>
    entryOf(listEkkCodes({ includeRetired: true }), (c) => c.code === code, codeNotFound);
  const findIctService = (code: string) => entryOf(listIctServices(), (c) => c.code === code, codeNotFound);
  const findInformationSystem = (code: string) =>
    entryOf(listInformationSystems(), (c) => c.code === code, codeNotFound);
  const findInstitution = (id: number) => entryOf(listInstitutions(), (i) => i.id === id, institutionNotFound);

  /** A TBM table as admin-maintained reference data: listed by all, added and changed (If-Match) by an admin. */
  function tbmCatalogue(table: TbmTable) {
    const list = async (): Promise<TbmCategory[]> => (await repository.listTbmCategories(table)).map(tbmCategoryOf);
    const find = (code: string) => entryOf(list(), (c) => c.code === code, codeNotFound);
    return {
      list,
      async create(context: RequestContext, input: CreateTbmCategoryInput): Promise<TbmCategory> {
        await manage(context, async (repo) => {
          await insertOnce(() =>
            repo.insertTbmCategory(table, { code: input.code, name_lv: input.nameLv, name_en: input.nameEn }),
          );
          return { action: `${TBM_AUDIT[table]}.create`, entityType: table, entityId: input.code, after: input };
        });
        return find(input.code);
      },
      /** Rename or (de)activate; the change names the version it was based on. */
      async update(
        context: RequestContext,
        code: string,
        ifMatch: ExpectedVersion,
        input: UpdateTbmCategoryInput,
      ): Promise<TbmCategory> {
        await manage(context, async (repo) => {
          const before = await repo.findTbmCategoryForUpdate(table, code);
          if (!before) throw codeNotFound();
          ensureVersion(ifMatch, before.version);
          await repo.updateTbmCategory(
            table,
            code,
            givenOnly({ name_lv: input.nameLv, name_en: input.nameEn, active: input.active }),
          );
          const after = (await repo.findTbmCategoryForUpdate(table, code))!;
          return {
            action: `${TBM_AUDIT[table]}.update`,
            entityType: table,
            entityId: code,
            before: tbmCategoryOf(before),
            after: tbmCategoryOf(after),
          };
        });
        return find(code);
      },
    };
  }

  return {
    listInstitutions,
    listEkkCodes,
    listIctServices,
    listInformationSystems,
    tbmCostPools: tbmCatalogue('tbm_cost_pool'),
    tbmTowers: tbmCatalogue('tbm_tower'),

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

    /** A new code under a parent; the parent becomes a group (not selectable) if it was a leaf. */
    async createEkkCode(context: RequestContext, input: CreateEkkCodeInput): Promise<EkkCode> {
      await manage(context, async (repo, trx) => {
        await ensureTbmMapping(repo, 'tbm_cost_pool', input.tbmCostPoolCode, null, 'body.tbmCostPoolCode');
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
            tbm_cost_pool_code: input.tbmCostPoolCode,
          }),
        );
        return { action: 'ekkCode.create', entityType: 'ekk_code', entityId: input.code, after: input };
      });
      return findEkkCode(input.code);
    },

    async updateEkkCode(context: RequestContext, code: string, input: UpdateEkkCodeInput): Promise<EkkCode> {
      await manage(context, async (repo) => {
        const before = await repo.findEkkCode(code);
        if (!before) throw codeNotFound();
        await ensureTbmMapping(
          repo,
          'tbm_cost_pool',
          input.tbmCostPoolCode,
          before.tbm_cost_pool_code,
          'body.tbmCostPoolCode',
        );
        if (input.selectable === true && (await repo.hasChildren(code))) {
          throw fieldError(
            message('reference.groupNotSelectable'),
            'body.selectable',
            message('reference.hasChildren'),
          );
        }
        await repo.updateEkkCode(
          code,
          givenOnly({
            name_lv: input.nameLv,
            name_en: input.nameEn,
            selectable: input.selectable,
            retired_at:
              input.retired === undefined ? undefined : input.retired ? (before.retired_at ?? new Date()) : null,
            tbm_cost_pool_code: input.tbmCostPoolCode,
          }),
        );
        const after = (await repo.findEkkCode(code))!;
        return {
          action: 'ekkCode.update',
          entityType: 'ekk_code',
          entityId: code,
          before: ekkAuditShape(before),
          after: ekkAuditShape(after),
        };
      });
      return findEkkCode(code);
    },

    async createIctService(context: RequestContext, input: CreateIctServiceInput): Promise<IctService> {
      await manage(context, async (repo) => {
        await ensureTbmMapping(repo, 'tbm_tower', input.tbmTowerCode, null, 'body.tbmTowerCode');
        await insertOnce(() =>
          repo.insertIctService({
            code: input.code,
            name_lv: input.nameLv,
            name_en: input.nameEn,
            tbm_tower_code: input.tbmTowerCode,
          }),
        );
        return { action: 'ictService.create', entityType: 'ict_service', entityId: input.code, after: input };
      });
      return findIctService(input.code);
    },

    updateIctService(context: RequestContext, code: string, input: UpdateIctServiceInput): Promise<IctService> {
      return changeEntry(context, code, input, {
        action: 'ictService.update',
        entityType: 'ict_service',
        write: async (repo) => {
          const current = (await repo.listIctServices()).find((s) => s.code === code);
          if (!current) return undefined;
          await ensureTbmMapping(repo, 'tbm_tower', input.tbmTowerCode, current.tbm_tower_code, 'body.tbmTowerCode');
          return repo.updateIctService(
            code,
            givenOnly({
              name_lv: input.nameLv,
              name_en: input.nameEn,
              active: input.active,
              tbm_tower_code: input.tbmTowerCode,
            }),
          );
        },
        notFound: codeNotFound,
        find: findIctService,
      });
    },

    async createInformationSystem(
      context: RequestContext,
      input: CreateInformationSystemInput,
    ): Promise<InformationSystem> {
      await manage(context, async (repo) => {
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
          action: 'informationSystem.create',
          entityType: 'information_system',
          entityId: input.code,
          after: input,
        };
      });
      return findInformationSystem(input.code);
    },

    updateInformationSystem(
      context: RequestContext,
      code: string,
      input: UpdateInformationSystemInput,
    ): Promise<InformationSystem> {
      return changeEntry(context, code, input, {
        action: 'informationSystem.update',
        entityType: 'information_system',
        write: (repo) =>
          repo.updateInformationSystem(
            code,
            givenOnly({
              name: input.name,
              function_lv: input.functionLv,
              function_en: input.functionEn,
              kind: input.kind,
              active: input.active,
            }),
          ),
        notFound: codeNotFound,
        find: findInformationSystem,
      });
    },

    async createInstitution(context: RequestContext, input: CreateInstitutionInput): Promise<Institution> {
      const { entityId } = await manage(context, async (repo) => {
        const id = await insertOnce(() =>
          repo.insertInstitution({ code: input.code, name_lv: input.nameLv, name_en: input.nameEn }),
        );
        return { action: 'institution.create', entityType: 'institution', entityId: id, after: input };
      });
      return findInstitution(Number(entityId));
    },

    updateInstitution(context: RequestContext, id: number, input: UpdateInstitutionInput): Promise<Institution> {
      return changeEntry(context, id, input, {
        action: 'institution.update',
        entityType: 'institution',
        write: (repo) =>
          repo.updateInstitution(id, givenOnly({ name_lv: input.nameLv, name_en: input.nameEn, active: input.active })),
        notFound: institutionNotFound,
        find: findInstitution,
      });
    },
  };
}

export type ReferenceService = ReturnType<typeof createReferenceService>;
