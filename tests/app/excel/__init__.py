"""Excel workbooks: roster import and template, results export, the ledger."""
