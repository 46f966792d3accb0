"""Sample data looks like real data on the day it is made: nothing in it is dated after today,
so importing it does not warn of 日期在未来."""

from __future__ import annotations

import datetime as dt
import json

from jianfu.exchange.assessment_file import read_assessment_file
from jianfu.exchange.demo import write_demo
from jianfu.exchange.file_flags import FLAG_FUTURE, file_flags


def test_demo_written_during_the_last_period_is_dated_today_at_the_latest(library, tmp_path) -> None:
    today = dt.date(2026, 12, 5)  # in 2026-Q4, the sample's last period
    files = write_demo(tmp_path / "a", library, today=today)
    assert files and write_demo(tmp_path / "b", library, today=today)  # the same within a day
    assert [f.read_bytes() for f in files] == [(tmp_path / "b" / f.name).read_bytes() for f in files]
    noon = dt.datetime(2026, 12, 5, 12, 0)
    for path in files:
        document = json.loads(path.read_text(encoding="utf-8"))
        for stamp in (document["exported_at"], document["updated_at"]):
            assert dt.datetime.fromisoformat(stamp) <= noon, (path.name, stamp)
        assert FLAG_FUTURE not in file_flags(read_assessment_file(path, library), now=dt.datetime(2026, 12, 5, 0, 0))
    q3 = json.loads((tmp_path / "a" / "柳河镇-2026-Q3.jianfu").read_text(encoding="utf-8"))
    assert (q3["updated_at"], q3["exported_at"]) == ("2026-09-30T17:30:00", "2026-10-01T09:00:00")
    q4 = json.loads((tmp_path / "a" / "柳河镇-2026-Q4.jianfu").read_text(encoding="utf-8"))
    assert (q4["updated_at"], q4["exported_at"]) == ("2026-12-05T08:00:00", "2026-12-05T08:30:00")


def test_demo_written_after_the_periods_is_dated_by_them(library, tmp_path) -> None:
    (q4,) = [p for p in write_demo(tmp_path, library, today=dt.date(2027, 2, 1)) if p.name == "柳河镇-2026-Q4.jianfu"]
    document = json.loads(q4.read_text(encoding="utf-8"))
    assert (document["updated_at"], document["exported_at"]) == ("2026-12-31T17:30:00", "2027-01-01T09:00:00")
