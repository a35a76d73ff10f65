"""Creates the career assets: skills, learning, income streams with their amount history, your
own jobs, and your goals and challenges; and indexes their text for search.

Frozen: the search triggers are written out here (kinds 180 skill, 181 learning, 182 goal of the
shared ``search_fts`` table, rowid = code * 2**40 + id), not built from live modules.
Amounts are decimal TEXT (``4500.00``), never REAL: sums are made with ``decimal.Decimal``.
Months are ``YYYY-MM`` text, days ``YYYY-MM-DD``.
"""

SQL = """
CREATE TABLE my_job (
    id INTEGER PRIMARY KEY,
    organisation TEXT NOT NULL CHECK (length(trim(organisation)) > 0),
    title TEXT NOT NULL DEFAULT '',
    start_month TEXT NOT NULL CHECK (start_month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
    end_month TEXT CHECK (end_month IS NULL OR end_month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
    created DATETIME NOT NULL,
    CHECK (end_month IS NULL OR end_month >= start_month)
);
CREATE INDEX my_job_start ON my_job (start_month);

CREATE TABLE skill (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    folded TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL DEFAULT 'hard' CHECK (kind IN ('hard', 'soft', 'language', 'domain')),
    depth INTEGER NOT NULL DEFAULT 2 CHECK (depth BETWEEN 1 AND 5),
    first_used TEXT CHECK (first_used IS NULL OR first_used GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
    last_used TEXT CHECK (last_used IS NULL OR last_used GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
    where_used TEXT NOT NULL DEFAULT '',
    job_id INTEGER REFERENCES my_job (id) ON DELETE SET NULL,
    emerging INTEGER NOT NULL DEFAULT 0 CHECK (emerging IN (0, 1)),
    evidence TEXT NOT NULL DEFAULT '',
    vouch_contact_id INTEGER REFERENCES contact (id) ON DELETE SET NULL,
    created DATETIME NOT NULL
);

CREATE TABLE learning (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
    kind TEXT NOT NULL DEFAULT 'course'
        CHECK (kind IN ('degree', 'course', 'certification', 'language', 'book', 'talk', 'project')),
    status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'doing', 'done', 'dropped')),
    started DATE,
    finished DATE,
    hours INTEGER CHECK (hours IS NULL OR hours >= 0),
    expires DATE,
    note TEXT NOT NULL DEFAULT '',
    created DATETIME NOT NULL
);
CREATE INDEX learning_expires ON learning (expires) WHERE expires IS NOT NULL;

CREATE TABLE learning_skill (
    learning_id INTEGER NOT NULL REFERENCES learning (id) ON DELETE CASCADE,
    skill_id INTEGER NOT NULL REFERENCES skill (id) ON DELETE CASCADE,
    PRIMARY KEY (learning_id, skill_id)
);
CREATE INDEX learning_skill_skill ON learning_skill (skill_id);

CREATE TABLE income_stream (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    folded TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL CHECK (kind IN ('salary', 'freelance', 'consulting', 'product', 'teaching', 'writing',
                                       'investments', 'rental', 'other')),
    currency TEXT NOT NULL CHECK (length(currency) = 3 AND currency = upper(currency)),
    organisation TEXT NOT NULL DEFAULT '',
    started DATE NOT NULL,
    ended DATE,
    created DATETIME NOT NULL,
    CHECK (ended IS NULL OR ended >= started)
);

CREATE TABLE income_amount (
    id INTEGER PRIMARY KEY,
    stream_id INTEGER NOT NULL REFERENCES income_stream (id) ON DELETE CASCADE,
    monthly TEXT NOT NULL,
    from_day DATE NOT NULL,
    to_day DATE,
    created DATETIME NOT NULL,
    CHECK (to_day IS NULL OR to_day >= from_day)
);
CREATE INDEX income_amount_stream ON income_amount (stream_id, from_day);

CREATE TABLE goal (
    id INTEGER PRIMARY KEY,
    text TEXT NOT NULL CHECK (length(trim(text)) > 0),
    kind TEXT NOT NULL DEFAULT 'goal' CHECK (kind IN ('goal', 'challenge')),
    added DATE NOT NULL,
    done_on DATE,
    created DATETIME NOT NULL
)
"""

# (table, search code, indexed columns)
SEARCHED = (("skill", 180, ("name", "where_used", "evidence")),
            ("learning", 181, ("title", "note")),
            ("goal", 182, ("text",)))
SHIFT = 2 ** 40


def _body(columns: tuple[str, ...], row: str) -> str:
    return "kith_fold(" + " || ' ' || ".join(f"coalesce({row}{c}, '')" for c in columns) + ")"


def _triggers(table: str, code: int, columns: tuple[str, ...]) -> list[str]:
    base = code * SHIFT
    insert = (f"INSERT INTO search_fts(rowid, body) SELECT {base} + new.id, {_body(columns, 'new.')} "
              f"WHERE {_body(columns, 'new.')} != ''")
    delete = f"DELETE FROM search_fts WHERE rowid = {base} + old.id"
    return [
        f"CREATE TRIGGER search_{table}_ai AFTER INSERT ON {table} BEGIN {insert}; END",
        f"CREATE TRIGGER search_{table}_ad AFTER DELETE ON {table} BEGIN {delete}; END",
        f"CREATE TRIGGER search_{table}_au AFTER UPDATE OF {', '.join(columns)} ON {table} "
        f"BEGIN {delete}; {insert}; END",
    ]


def up(db) -> None:
    for statement in SQL.split(";"):
        if statement.strip():
            db.execute_sql(statement)
    for table, code, columns in SEARCHED:
        for statement in _triggers(table, code, columns):  # one by one: trigger bodies hold ';'
            db.execute_sql(statement)
