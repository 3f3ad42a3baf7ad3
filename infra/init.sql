-- Roles for CreditSeg on PostgreSQL. The application role owns the schema (it runs the migrations);
-- the read-only role is for analysts and reporting tools.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'creditseg') THEN
    CREATE ROLE creditseg LOGIN CREATEDB PASSWORD 'creditseg';
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'creditseg_readonly') THEN
    CREATE ROLE creditseg_readonly NOLOGIN;
  END IF;
END $$;
ALTER ROLE creditseg CREATEDB;

SELECT 'CREATE DATABASE creditseg OWNER creditseg ENCODING ''UTF8'' TEMPLATE template0'
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'creditseg')\gexec

\connect creditseg
GRANT CONNECT ON DATABASE creditseg TO creditseg_readonly;
GRANT USAGE ON SCHEMA public TO creditseg_readonly;
ALTER DEFAULT PRIVILEGES FOR ROLE creditseg IN SCHEMA public GRANT SELECT ON TABLES TO creditseg_readonly;
