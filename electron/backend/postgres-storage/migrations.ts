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
  {
    id: '002-shared-data',
    sql: `
      -- The arrears ledger. A household's record whole in \`record\` (its phones among it), with the columns lists
      -- and quick-find use.
      CREATE TABLE households (
        id text PRIMARY KEY,
        community text NOT NULL,
        room_label text NOT NULL,
        owner_name text NOT NULL,
        record jsonb NOT NULL
      );
      CREATE INDEX households_by_community ON households (community);

      CREATE TABLE arrears_items (
        household_id text NOT NULL REFERENCES households (id) ON DELETE CASCADE,
        -- The item's place in the household's list.
        ord integer NOT NULL,
        fee_type text NOT NULL,
        period_start date NOT NULL,
        period_end date NOT NULL,
        due_fen bigint NOT NULL,
        paid_fen bigint NOT NULL CHECK (paid_fen >= 0),
        late_fee_fen bigint NOT NULL,
        due_date date,
        PRIMARY KEY (household_id, fee_type, period_start, period_end)
      );

      CREATE TABLE payments (
        seq bigserial UNIQUE,
        id text PRIMARY KEY,
        household_id text NOT NULL REFERENCES households (id) ON DELETE CASCADE,
        item_key text,
        amount_fen bigint NOT NULL CHECK (amount_fen > 0),
        paid_on date NOT NULL,
        source text NOT NULL CHECK (source IN ('import', 'manual')),
        import_id text,
        channel text,
        note text NOT NULL
      );
      CREATE INDEX payments_by_household ON payments (household_id);

      CREATE TABLE ledger_imports (
        seq bigserial PRIMARY KEY,
        id text NOT NULL UNIQUE,
        entry jsonb NOT NULL,
        undone boolean NOT NULL DEFAULT false
      );

      -- The one import that can still be undone, and the households it changed as they were before it (null: new).
      CREATE TABLE ledger_state (
        id integer PRIMARY KEY CHECK (id = 1),
        undo_import_id text
      );
      INSERT INTO ledger_state (id, undo_import_id) VALUES (1, NULL);
      CREATE TABLE ledger_undo (
        import_id text NOT NULL,
        household_id text NOT NULL,
        before jsonb,
        PRIMARY KEY (import_id, household_id)
      );

      -- The contact log (催缴记录, evidence in court): insert-only, enforced below for every database role.
      CREATE TABLE contacts (
        seq bigserial UNIQUE,
        id text PRIMARY KEY,
        household_id text NOT NULL,
        at timestamptz NOT NULL,
        channel text NOT NULL,
        steward text NOT NULL,
        steward_id text,
        outcome_id text,
        -- A correction is a new row pointing at the one it corrects.
        corrects text REFERENCES contacts (id),
        record jsonb NOT NULL
      );
      CREATE INDEX contacts_by_household ON contacts (household_id, at);
      CREATE FUNCTION contacts_insert_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          RAISE EXCEPTION '催缴记录只能追加，不能修改或删除（更正请追加一条指向原记录的新记录）' USING ERRCODE = 'insufficient_privilege';
        END
      $$;
      CREATE TRIGGER contacts_insert_only BEFORE UPDATE OR DELETE ON contacts FOR EACH ROW EXECUTE FUNCTION contacts_insert_only();
      CREATE TRIGGER contacts_no_truncate BEFORE TRUNCATE ON contacts FOR EACH STATEMENT EXECUTE FUNCTION contacts_insert_only();

      CREATE TABLE phone_access (
        seq bigserial UNIQUE,
        id text PRIMARY KEY,
        household_id text NOT NULL,
        at timestamptz NOT NULL,
        steward_id text,
        record jsonb NOT NULL
      );
      CREATE INDEX phone_access_by_household ON phone_access (household_id);
      CREATE TRIGGER phone_access_insert_only BEFORE UPDATE OR DELETE ON phone_access FOR EACH ROW EXECUTE FUNCTION contacts_insert_only();

      -- What calls set going: promises, grievances, follow-ups, and what stewards did with the queue. These change
      -- state (a follow-up is done, a repair completed, a queue action undone); every change is in the audit log.
      CREATE TABLE promises (
        seq bigserial UNIQUE,
        id text PRIMARY KEY,
        household_id text NOT NULL,
        promised_on date NOT NULL,
        amount_fen bigint NOT NULL,
        record jsonb NOT NULL
      );
      CREATE INDEX promises_by_household ON promises (household_id);
      CREATE TABLE grievances (seq bigserial UNIQUE, id text PRIMARY KEY, household_id text NOT NULL, status text NOT NULL, record jsonb NOT NULL);
      CREATE INDEX grievances_by_household ON grievances (household_id);
      CREATE TABLE follow_ups (seq bigserial UNIQUE, id text PRIMARY KEY, household_id text NOT NULL, due_date date NOT NULL, status text NOT NULL, owner_id text, record jsonb NOT NULL);
      CREATE INDEX follow_ups_by_household ON follow_ups (household_id);
      CREATE INDEX follow_ups_open_by_day ON follow_ups (due_date) WHERE status = 'open';
      CREATE TABLE queue_actions (seq bigserial UNIQUE, id text PRIMARY KEY, household_id text NOT NULL, at timestamptz NOT NULL, record jsonb NOT NULL);
      CREATE INDEX queue_actions_by_household ON queue_actions (household_id);

      -- Team settings, the script library, saved mappings, settings: one validated document each.
      CREATE TABLE documents (name text PRIMARY KEY, schema_version integer NOT NULL, data jsonb NOT NULL, updated_at timestamptz NOT NULL DEFAULT now());

      -- Each user's call in progress.
      CREATE TABLE call_slots (user_id text PRIMARY KEY, slot jsonb NOT NULL, updated_at timestamptz NOT NULL DEFAULT now());

      -- The change feed: what changed, in commit order (writers take the feed's lock just before committing), so
      -- every server's in-memory views catch up by reading past the last revision they saw.
      CREATE TABLE changes (
        rev bigserial PRIMARY KEY,
        store text NOT NULL,
        key text NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      );
    `,
  },
  {
    id: '003-claims',
    sql: `
      -- Who is on a call with which household: one row per household, taken only when free, expired, or already
      -- the same user's (one statement, so racing claims cannot both win).
      CREATE TABLE claims (
        household_id text PRIMARY KEY,
        user_id text NOT NULL,
        user_name text NOT NULL,
        expires_at timestamptz NOT NULL
      );
    `,
  },
];
