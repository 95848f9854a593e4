Feature: Incomplete backgrounds, Part 1

  Background: no steps

  Scenario: Incomplete
