import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { userSchema } from '@ikt/shared/auth.schema';
import { idParamsSchema } from '@ikt/shared/common.schema';
import { createUserInputSchema, updateUserInputSchema } from '@ikt/shared/user.schema';
import { z } from 'zod';
import { routesOf } from '../../http/route';
import type { UsersService } from './users.service';

export const userRoutes: FastifyPluginAsyncZod<{ service: UsersService }> = async (app, { service }) => {
  const route = routesOf(app, ['users']);
  const one = { params: idParamsSchema, response: userSchema } as const;

  route.get('/users', { summary: 'Users (admin)', response: z.array(userSchema) }, ({ context }) =>
    service.list(context),
  );
  route.post(
    '/users',
    { summary: 'Create a user (admin)', body: createUserInputSchema, response: userSchema, created: true },
    ({ context, body }) => service.create(context, body),
  );
  route.get('/users/:id', { summary: 'One user (admin)', ...one }, ({ context, params }) =>
    service.get(context, params.id),
  );
  route.patch(
    '/users/:id',
    {
      summary: 'Change role, institution, name, password or disable (admin); ends sessions on disable or new password',
      ...one,
      body: updateUserInputSchema,
    },
    ({ context, params, body }) => service.update(context, params.id, body),
  );
};
