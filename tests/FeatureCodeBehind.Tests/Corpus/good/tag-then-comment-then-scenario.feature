Feature: x
  @t
  # c

  Scenario: s
