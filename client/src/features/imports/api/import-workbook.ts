import { importResultSchema, type ImportResult } from '@ikt/shared/spreadsheet.schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPostForm } from '../../../api/client';
import { onItemsChanged } from '../../../api/line-items/line-item-cache';
import { lineItemKeys } from '../../../api/line-items/line-item-keys';

export interface ImportRequest {
  subProgrammeId: number;
  file: File;
  /** Only check: every rule is applied and every problem answered, nothing is written. */
  dryRun: boolean;
}

/**
 * The filled-in template back to the server (multipart, field `file`): all rows or none. A
 * refusal (422, or 409 when every problem is a conflict) carries each problem located by sheet,
 * row and column in its body (see importRejectionSchema).
 */
export function importWorkbook({ subProgrammeId, file, dryRun }: ImportRequest): Promise<ImportResult> {
  const form = new FormData();
  form.append('file', file, file.name);
  const query = dryRun ? '?dryRun=true' : '';
  return apiPostForm(`/api/sub-programmes/${subProgrammeId}/import${query}`, form, importResultSchema);
}

export function useImportWorkbook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: importWorkbook,
    onSuccess: (result) => {
      if (!result.applied) return;
      // Many items may have changed: the sub-programme's list (and what derives from it) again.
      void queryClient.invalidateQueries({ queryKey: lineItemKeys.all });
      onItemsChanged(queryClient, result.subProgrammeId);
    },
  });
}
