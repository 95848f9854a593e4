# a comment
Feature: Whitespace in tags

  @tag with whitespace
  Scenario:
    * a step
