"""Printed documents (ReportLab): the rectification plan and, later, the county summary.

ReportLab is imported here only, never at start-up: it costs ~140 ms.
"""
