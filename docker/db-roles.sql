-- The serving role the app answers requests as (DATABASE_URL), made or brought back into line by
-- docker-compose's one-shot `db-roles` service on every `up`, as the owner (POSTGRES_USER). It may
-- log in and connect, nothing more: the app grants it what it needs on the tables at every boot,
-- after the migrations (server/src/bootstrap.ts), and refuses to start if it could do more.
--   APP_DB_USER      the role's name (ikt_app)
--   APP_DB_PASSWORD  its password
\set ON_ERROR_STOP on
\getenv app_user APP_DB_USER
\getenv app_password APP_DB_PASSWORD
\if :{?app_user}
\else
  DO $$ BEGIN RAISE EXCEPTION 'APP_DB_USER is not set'; END $$;
\endif
\if :{?app_password}
\else
  DO $$ BEGIN RAISE EXCEPTION 'APP_DB_PASSWORD is not set'; END $$;
\endif
SELECT :'app_user' = current_user AS app_user_is_owner \gset
\if :app_user_is_owner
  DO $$ BEGIN RAISE EXCEPTION 'APP_DB_USER must be a role of its own, not the owner (POSTGRES_USER)'; END $$;
\endif

SELECT format('CREATE ROLE %I', :'app_user')
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'app_user') \gexec

-- Every attribute stated, so a role made by hand earlier loses what it should not have.
ALTER ROLE :"app_user" WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS
  PASSWORD :'app_password';
GRANT CONNECT ON DATABASE :"DBNAME" TO :"app_user";
