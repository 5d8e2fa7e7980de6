import { commentSchema, type Comment } from '@ikt/shared/line-item.schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPost } from '../../../api/client';
import { subProgrammeKeys } from '../../../api/sub-programmes/sub-programme-keys';
import { lineItemKeys } from '../../../api/line-items/line-item-keys';

export function addLineItemComment({ id, body }: { id: number; body: string }): Promise<Comment> {
  return apiPost(`/api/line-items/${id}/comments`, { body }, commentSchema);
}

export function useAddLineItemComment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: addLineItemComment,
    onSuccess: (comment, { id }) => {
      queryClient.setQueryData<Comment[]>(lineItemKeys.comments(id), (comments) =>
        comments ? [...comments, comment] : comments,
      );
      void queryClient.invalidateQueries({ queryKey: lineItemKeys.history(id) });
      // The sub-programme's threads (the return notice, ITC's review page) show it too.
      void queryClient.invalidateQueries({ queryKey: subProgrammeKeys.itemComments() });
    },
  });
}
