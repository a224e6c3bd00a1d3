#!/usr/bin/env python3
"""Documents search at scale: how long the query Rumbo runs for a phrase (one LIKE '%phrase%' on the folded
search_text column of documents, decision 0010) takes on SQLite as the repository grows.

It builds a throw-away SQLite database with N documents of W words each (Spanish-like words drawn at random, so
that text does not compress into a few pages), puts one known phrase in a few of them, and times the query that
finds them, taking the median of R runs. It compares against the goal of 200 ms for a search page, and prints the
figures. Usage: python3 bench/documents_search.py [N ...]   (default 1000 5000 20000)"""
import os, random, sqlite3, statistics, sys, tempfile, time

WORDS = ("planificación gobernanza pública desarrollo sostenible regional agenda políticas sociales evaluación "
         "prospectiva cooperación integración protección inclusión laboral institucional datos indicadores metas "
         "países ministerios participación ciudadana territorio presupuesto resultados capacidades aprendizaje").split()
PHRASE = "registros sociales de beneficiarios"
W, R, GOAL_MS = 3000, 7, 200.0

def build(path, n):
    rnd = random.Random(n)
    db = sqlite3.connect(path)
    db.execute("create table documents (id integer primary key, group_id int, visibility text, search_text text)")
    rows = []
    for i in range(n):
        words = [rnd.choice(WORDS) for _ in range(W)]
        if i % 997 == 0:
            words.insert(rnd.randrange(W), PHRASE)
        rows.append((i, i % 40, "Public" if i % 3 else "Members", " ".join(words)))
    db.executemany("insert into documents values (?, ?, ?, ?)", rows)
    db.commit()
    return db

def main():
    sizes = [int(a) for a in sys.argv[1:]] or [1000, 5000, 20000]
    print(f"documents search on SQLite {sqlite3.sqlite_version}: {W} words a document, phrase {PHRASE!r}, median of {R} runs; goal {GOAL_MS:.0f} ms")
    for n in sizes:
        with tempfile.TemporaryDirectory() as d:
            db = build(os.path.join(d, "bench.db"), n)
            mb = os.path.getsize(os.path.join(d, "bench.db")) / 1e6
            q = "select id from documents where visibility = 'Public' and search_text like ? order by id limit 21"
            times, found = [], 0
            for _ in range(R):
                t = time.perf_counter()
                found = len(db.execute(q, (f"%{PHRASE}%",)).fetchall())
                times.append((time.perf_counter() - t) * 1000)
            med = statistics.median(times)
            print(f"{n:>6} documents ({mb:7.1f} MB of text): {med:8.1f} ms median, {max(times):8.1f} ms worst, {found} found; "
                  f"{'within' if med <= GOAL_MS else 'OVER'} the goal")
            db.close()

main()
