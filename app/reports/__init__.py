"""Inspection reports: a reportlab renderer (model → story → PDF), PAdES signing with pyHanko,
offline verification, and the district summary report."""
