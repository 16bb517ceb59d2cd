"""The main window's pages: one module per screen, each a QWidget built from
`(ctx: UiContext, parent=None)` with `on_changes(changes)` to refresh what a change touched."""
