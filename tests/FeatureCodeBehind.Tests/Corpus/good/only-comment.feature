# only a comment, no feature
