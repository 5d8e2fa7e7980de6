import type {
  ActionDirection,
  Benchmark,
  EkkCode,
  Goal,
  IctService,
  InformationSystem,
  Institution,
} from '@ikt/shared/reference.schema';
import type { EkkCodeListQuery } from '@ikt/shared/reference.schema';
import type { ReferenceRepository } from './reference.repository';

/** Reference data as the API shows it (camelCase, retired flags instead of timestamps). */
export function createReferenceService(repository: ReferenceRepository) {
  return {
    async listInstitutions(): Promise<Institution[]> {
      const rows = await repository.listInstitutions();
      return rows.map((r) => ({ id: r.id, code: r.code, nameLv: r.name_lv, nameEn: r.name_en, isItc: r.is_itc }));
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
  };
}

export type ReferenceService = ReturnType<typeof createReferenceService>;
