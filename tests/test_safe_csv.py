"""CSV injection: OWASP's rule applied to every cell the project writes."""
import csv
import io

import pytest

from pipeline import safe_csv


@pytest.mark.parametrize("cell, shown", [
    ("=HYPERLINK(\"http://x\",\"bấm\")", "'=HYPERLINK(\"http://x\",\"bấm\")"),
    ("+84 cmd", "'+84 cmd"),
    ("- Thu ngân sách đạt 12 tỷ", "'- Thu ngân sách đạt 12 tỷ"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\tindent", "'\tindent"),
    ("\rreturn", "'\rreturn"),
    ("-1+2", "'-1+2"),
    ("-9", "-9"),
    ("-0.5", "-0.5"),
    ("Quảng Nam", "Quảng Nam"),
    ("a=b", "a=b"),
    ("", ""),
    (-3, -3),
    (None, None),
])
def test_a_cell_that_starts_a_formula_gets_a_quote(cell, shown):
    assert safe_csv.neutralise(cell) == shown


def test_writer_and_dict_writer_round_trip_through_a_csv_reader():
    out = io.StringIO()
    writer = safe_csv.Writer(out)
    writer.writerow(["=1+1", "ok", -2])
    dict_out = io.StringIO()
    dict_writer = safe_csv.DictWriter(dict_out, fieldnames=["quote", "value"])
    dict_writer.writeheader()
    dict_writer.writerow({"quote": "@x", "value": "-2"})
    assert list(csv.reader(io.StringIO(out.getvalue()))) == [["'=1+1", "ok", "-2"]]
    assert list(csv.DictReader(io.StringIO(dict_out.getvalue()))) == [{"quote": "'@x", "value": "-2"}]
