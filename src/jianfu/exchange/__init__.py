"""Exchange between township and county: the ``.jianfu`` assessment file."""
