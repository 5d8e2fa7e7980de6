import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { userSchema } from '@ikt/shared/auth.schema';
import { idParamsSchema, langQuerySchema } from '@ikt/shared/common.schema';
import { createUserInputSchema, updateUserInputSchema } from '@ikt/shared/user.schema';
import { z } from 'zod';
import { contextOf } from '../../context';
import type { UsersService } from './users.service';

export const userRoutes: FastifyPluginAsyncZod<{ service: UsersService }> = async (app, { service }) => {
  const tags = ['users'];
  app.get(
    '/users',
    {
      schema: { tags, summary: 'Users (admin)', querystring: langQuerySchema, response: { 200: z.array(userSchema) } },
    },
    (request) => service.list(contextOf(request)),
  );
  app.post(
    '/users',
    { schema: { tags, summary: 'Create a user (admin)', body: createUserInputSchema, response: { 201: userSchema } } },
    async (request, reply) => reply.code(201).send(await service.create(contextOf(request), request.body)),
  );
  app.get(
    '/users/:id',
    {
      schema: {
        tags,
        summary: 'One user (admin)',
        params: idParamsSchema,
        querystring: langQuerySchema,
        response: { 200: userSchema },
      },
    },
    (request) => service.get(contextOf(request), request.params.id),
  );
  app.patch(
    '/users/:id',
    {
      schema: {
        tags,
        summary:
          'Change role, institution, name, password or disable (admin); ends sessions on disable or new password',
        params: idParamsSchema,
        body: updateUserInputSchema,
        response: { 200: userSchema },
      },
    },
    (request) => service.update(contextOf(request), request.params.id, request.body),
  );
};
