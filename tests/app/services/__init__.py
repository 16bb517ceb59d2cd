"""Tests of the services: the inspection flow a user goes through, one call at a time."""
