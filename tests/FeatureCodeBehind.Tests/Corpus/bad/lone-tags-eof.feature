@a
