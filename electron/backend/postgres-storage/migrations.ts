/**
 * The team database's schema, as plain SQL migrations applied in order, once each (see migrator.ts). Never edit one
 * that has shipped: add the next. Money is bigint fen, days are `date`, moments are `timestamptz`.
 */
export interface Migration {
  id: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    id: '001-accounts',
    sql: `
      CREATE TABLE users (
        id text PRIMARY KEY,
        username text NOT NULL UNIQUE CHECK (username = lower(username) AND length(username) BETWEEN 2 AND 40),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 20),
        roles text[] NOT NULL CHECK (cardinality(roles) >= 1 AND roles <@ ARRAY['steward', 'lead', 'admin', 'auditor']),
        password_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        disabled_at timestamptz,
        -- Repeated failed logins slow the account down: the count, and no attempt is checked before locked_until.
        failed_logins integer NOT NULL DEFAULT 0,
        locked_until timestamptz
      );

      -- The communities a user works (a steward sees only these households).
      CREATE TABLE user_communities (
        user_id text NOT NULL REFERENCES users (id),
        community text NOT NULL,
        PRIMARY KEY (user_id, community)
      );

      -- Opaque session tokens, stored only as their SHA-256.
      CREATE TABLE sessions (
        token_hash bytea PRIMARY KEY,
        user_id text NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz
      );
      CREATE INDEX sessions_by_user ON sessions (user_id) WHERE revoked_at IS NULL;

      -- Who did what to which entity, before and after: written in the same transaction as the change.
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_id text NOT NULL,
        actor_name text NOT NULL,
        action text NOT NULL,
        entity text NOT NULL,
        entity_id text NOT NULL,
        before jsonb,
        after jsonb
      );
      CREATE INDEX audit_log_by_entity ON audit_log (entity, entity_id, at);
    `,
  },
];
