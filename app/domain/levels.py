"""School levels (学段) a school record may have. Kept apart from the schools service so the
command line can offer them as choices without loading the database layer."""

LEVELS = ("kindergarten", "primary", "junior", "senior", "nine_year", "twelve_year",
          "vocational", "special")
