"""Tests of app/security: the audit log, its signed heads and witnesses."""
