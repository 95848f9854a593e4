Feature:x
  Scenario:y
    Givenz
    Given  two spaces
