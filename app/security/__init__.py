"""Keys, certificates, the local identity and the tamper-evident audit log."""
