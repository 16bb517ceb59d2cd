"""Excel workbooks where the district office lives: roster import and template, results
export, and the 整改台账 ledger as .xlsx (openpyxl)."""
