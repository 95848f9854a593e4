@f
Feature: f
  Background:
    Given fb
  @r
  Rule: r
    desc of rule
    Background:
      Given rb
    @s
    Example: e
      Then t
  Rule: r2
    Scenario: s2
      Then t2
