#!/usr/bin/env python3
"""Compares two PostgreSQL databases object by object, the way `retort check` compares a database
with the entities: what is only in the second (the model) is to be added, what is only in the first
(the database) dropped, and what both hold but differ altered. Names of keys, checks, foreign keys
and indexes are not compared; everything else is, in PostgreSQL's own printed forms (both sides are
real catalogs, so no spelling needs normalising).

Usage: catalog_diff.py DATABASE MODEL_DATABASE [SCHEMA]   (connects to 127.0.0.1:5432 as postgres)
"""
import re
import subprocess
import sys

SEP = "\x1f"


def spelling(t):
    """A type as Retort spells it (dev.retort.schema.Types): varchar(n), timestamptz(6), integer, ..."""
    m = re.fullmatch(r"(timestamp|time)(?:\((\d+)\))? (with|without) time zone", t)
    if m:
        return m.group(1) + ("tz" if m.group(3) == "with" else "") + "(" + (m.group(2) or "6") + ")"
    for long, short in (("character varying", "varchar"), ("character", "char"), ("double precision", "double precision")):
        if t.startswith(long):
            return short + t[len(long):]
    return t


def index_text(definition):
    m = re.match(r"CREATE (UNIQUE )?INDEX \S+ ON \S+ USING (\w+) \((.*?)\)( INCLUDE \((.*?)\))?( NULLS NOT DISTINCT)?( WHERE (.*))?$", definition)
    unique, method, keys, _, include, nnd, _, where = m.groups()
    keys = re.sub(r" (DESC|ASC|NULLS FIRST|NULLS LAST)", lambda k: " " + k.group(1).lower(), keys)
    text = ("unique " if unique else "") + "(" + keys + ")"
    if method != "btree":
        text += " using " + method
    if include:
        text += " include (" + include + ")"
    if nnd:
        text += " nulls not distinct"
    return text + (" where " + where if where else "")


def identity(text):
    """An identity as Retort's check prints it: none, by_default or always, then its options."""
    if not text:
        return "none"
    return text.replace("by default", "by_default", 1)


def rows(db, sql):
    out = subprocess.run(["psql", "-X", "-q", "-At", "-F", SEP, "-h", "127.0.0.1", "-U", "postgres", "-d", db, "-c", sql],
                         check=True, capture_output=True, text=True).stdout
    return [line.split(SEP) for line in out.splitlines() if line]


def catalog(db, schema):
    s = schema.replace("'", "''")
    tables = {r[0] for r in rows(db, f"""select c.relname from pg_class c join pg_namespace n on n.oid=c.relnamespace
        where n.nspname='{s}' and c.relkind in ('r','p')""")}
    columns = {}
    for t, c, typ, notnull, default, _, generated, coll, comment in rows(db, f"""
        select c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
               coalesce(pg_get_expr(d.adbin, d.adrelid), ''), a.attidentity, a.attgenerated,
               coalesce(case when a.attcollation <> t.typcollation then co.collname end, ''),
               coalesce(col_description(c.oid, a.attnum), '')
        from pg_attribute a join pg_class c on c.oid=a.attrelid join pg_namespace n on n.oid=c.relnamespace
        join pg_type t on t.oid=a.atttypid left join pg_attrdef d on d.adrelid=a.attrelid and d.adnum=a.attnum
        left join pg_collation co on co.oid=a.attcollation
        where n.nspname='{s}' and c.relkind in ('r','p') and a.attnum>0 and not a.attisdropped"""):
        if re.fullmatch(r"NULL(::[\w ]+(\(\d+\))?)?", default):
            default = ""  # DEFAULT NULL is no default: PostgreSQL fills a missing value with NULL either way
        columns[(t, c)] = {"type": spelling(typ), "nullable": notnull != "t",
                           "default": "" if generated else default,
                           "generated": default if generated else "", "identity": "",
                           "collation": coll, "comment": comment}
    for t, c, kind, start, inc, low, high, cache, cycle, typ in rows(db, f"""
        select r.relname, a.attname, a.attidentity, s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle,
               format_type(a.atttypid, a.atttypmod)
        from pg_attribute a join pg_class r on r.oid=a.attrelid join pg_namespace n on n.oid=r.relnamespace
        join pg_depend d on d.refobjid=r.oid and d.refobjsubid=a.attnum and d.deptype='i' and d.classid='pg_class'::regclass
        join pg_sequence s on s.seqrelid=d.objid
        where n.nspname='{s}' and a.attidentity<>''"""):
        top = {"smallint": "32767", "integer": "2147483647", "bigint": "9223372036854775807"}[typ]
        options = [f"{k} {v}" for k, v, dflt in (("start", start, "1"), ("increment", inc, "1"), ("min", low, "1"),
                                                  ("max", high, top), ("cache", cache, "1")) if v != dflt]
        if cycle == "t":
            options.append("cycle")
        name = "always" if kind == "a" else "by default"
        columns[(t, c)]["identity"] = name + (f" ({', '.join(options)})" if options else "")
    constraints = set()
    for t, kind, cols, definition, fcols, ftable in rows(db, f"""
        select c.relname, k.contype,
               coalesce((select string_agg(a.attname, ', ' order by u.ord) from unnest(k.conkey) with ordinality u(n, ord)
                         join pg_attribute a on a.attrelid=k.conrelid and a.attnum=u.n), ''),
               pg_get_constraintdef(k.oid),
               coalesce((select string_agg(a.attname, ', ' order by u.ord) from unnest(k.confkey) with ordinality u(n, ord)
                         join pg_attribute a on a.attrelid=k.confrelid and a.attnum=u.n), ''),
               coalesce(k.confrelid::regclass::text, '')
        from pg_constraint k join pg_class c on c.oid=k.conrelid join pg_namespace n on n.oid=c.relnamespace
        where n.nspname='{s}' and k.contype in ('p','u','c','f','x')"""):
        if kind == "p":
            constraints.add((t, "primary key", f"({cols})"))
        elif kind == "u":
            nnd = " nulls not distinct" if "NULLS NOT DISTINCT" in definition else ""
            constraints.add((t, "unique", f"({cols}){nnd}"))
        elif kind == "c":
            constraints.add((t, "check", definition))
        elif kind == "f":
            rest = definition[definition.index(")", definition.index("REFERENCES")) + 1:].strip().lower()
            constraints.add((t, "foreign key", f"({cols}) -> {ftable} ({fcols})" + (f" {rest}" if rest else "")))
        else:
            constraints.add((t, "exclusion", definition))
    for t, definition in rows(db, f"""
        select c.relname, pg_get_indexdef(i.indexrelid)
        from pg_index i join pg_class c on c.oid=i.indrelid join pg_namespace n on n.oid=c.relnamespace
        where n.nspname='{s}' and not exists (select 1 from pg_constraint k where k.conindid=i.indexrelid and k.contype in ('p','u','x'))"""):
        constraints.add((t, "index", index_text(definition)))
    sequences = {}
    for name, start, inc, owner in rows(db, f"""
        select c.relname, s.seqstart, s.seqincrement,
               coalesce((select r.relname||'.'||a.attname from pg_depend d join pg_class r on r.oid=d.refobjid
                         join pg_attribute a on a.attrelid=d.refobjid and a.attnum=d.refobjsubid
                         where d.objid=c.oid and d.classid='pg_class'::regclass and d.deptype='a'), '')
        from pg_sequence s join pg_class c on c.oid=s.seqrelid join pg_namespace n on n.oid=c.relnamespace
        where n.nspname='{s}' and not exists (select 1 from pg_depend d where d.objid=c.oid and d.deptype='i')"""):
        sequences[name] = f"start {start} increment {inc}" + (f" owned by {owner}" if owner else "")
    enums = {name: labels for name, labels in rows(db, f"""
        select t.typname, string_agg(e.enumlabel, ', ' order by e.enumsortorder) from pg_type t
        join pg_enum e on e.enumtypid=t.oid join pg_namespace n on n.oid=t.typnamespace where n.nspname='{s}' group by t.typname""")}
    return tables, columns, constraints, sequences, enums


def main():
    database, model = sys.argv[1], sys.argv[2]
    schema = sys.argv[3] if len(sys.argv) > 3 else "public"
    dt, dc, dk, ds, de = catalog(database, schema)
    mt, mc, mk, ms, me = catalog(model, schema)
    out = []
    for name in sorted(me.keys() - de.keys()):
        out.append(f"add enum {name} ({me[name]})")
    for name in sorted(de.keys() - me.keys()):
        out.append(f"drop enum {name}")
    for name in sorted(me.keys() & de.keys()):
        if me[name] != de[name]:
            out.append(f"alter enum {name}: ({de[name]}) -> ({me[name]})")
    for name in sorted(ms.keys() - ds.keys()):
        out.append(f"add sequence {name} {ms[name]}")
    for name in sorted(ds.keys() - ms.keys()):
        if " owned by " in ds[name]:
            out.append(f"alter sequence {name}: owned by {ds[name].split(' owned by ')[1]} -> none")
        out.append(f"drop sequence {name}")
    for name in sorted(ms.keys() & ds.keys()):
        if ms[name] != ds[name]:
            out.append(f"alter sequence {name}: {ds[name]} -> {ms[name]}")
    for t in sorted(mt - dt):
        out.append(f"add table {t}")
    for t in sorted(dt - mt):
        out.append(f"drop table {t}")
    for t in sorted(mt & dt):
        for c in sorted(k[1] for k in mc if k[0] == t and (t, k[1]) not in dc):
            col = mc[(t, c)]
            out.append(f"add column {t}.{c} {col['type']}" + ("" if col["nullable"] else " NOT NULL"))
        for c in sorted(k[1] for k in dc if k[0] == t and (t, k[1]) not in mc):
            out.append(f"drop column {t}.{c}")
        for c in sorted(k[1] for k in mc if k[0] == t and (t, k[1]) in dc):
            a, b = dc[(t, c)], mc[(t, c)]
            changes = []
            if a["type"] != b["type"]:
                changes.append(f"type {a['type']} -> {b['type']}")
            if a["nullable"] != b["nullable"]:
                changes.append("NOT NULL -> nullable" if b["nullable"] else "nullable -> NOT NULL")
            for key in ("comment", "default", "generated", "collation", "identity"):
                if a[key] != b[key]:
                    if key == "identity":
                        changes.append(f"identity {identity(a[key])} -> {identity(b[key])}")
                    else:
                        changes.append(f"{key} {a[key] or 'none'} -> {b[key] or 'none'}")
            if changes:
                out.append(f"alter column {t}.{c}: " + ", ".join(changes))
    tables = mt & dt
    for t, kind, what in sorted(k for k in mk - dk if k[0] in tables):
        out.append(f"add {kind} {t} {what}")
    for t, kind, what in sorted(k for k in dk - mk if k[0] in tables):
        out.append(f"drop {kind} {t} {what}")
    print("\n".join(out) if out else "none")


if __name__ == "__main__":
    main()
