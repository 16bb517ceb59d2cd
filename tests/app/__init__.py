"""Tests of the core package `app`: domain, storage, services, sync, reports and CLI."""
