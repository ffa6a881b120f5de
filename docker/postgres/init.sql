-- Runs once, when the PostgreSQL container starts on an empty data volume (docker-compose.yml mounts it into
-- /docker-entrypoint-initdb.d/). Each service owns its database and never reads another's, so each gets its own user,
-- and no other user may connect to it.
--
-- For local use only: every password is the user's name.

CREATE USER cms WITH PASSWORD 'cms';
CREATE DATABASE cms OWNER cms;
REVOKE CONNECT ON DATABASE cms FROM PUBLIC;

CREATE USER discovery WITH PASSWORD 'discovery';
CREATE DATABASE discovery OWNER discovery;
REVOKE CONNECT ON DATABASE discovery FROM PUBLIC;

CREATE USER lms WITH PASSWORD 'lms';
CREATE DATABASE lms OWNER lms;
REVOKE CONNECT ON DATABASE lms FROM PUBLIC;

CREATE USER credentials WITH PASSWORD 'credentials';
CREATE DATABASE credentials OWNER credentials;
REVOKE CONNECT ON DATABASE credentials FROM PUBLIC;

CREATE USER exams WITH PASSWORD 'exams';
CREATE DATABASE exams OWNER exams;
REVOKE CONNECT ON DATABASE exams FROM PUBLIC;

CREATE USER insights WITH PASSWORD 'insights';
CREATE DATABASE insights OWNER insights;
REVOKE CONNECT ON DATABASE insights FROM PUBLIC;
