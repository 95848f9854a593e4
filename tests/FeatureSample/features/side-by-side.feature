@sample
Feature: Side by side
  The scenarios of one feature run at once: each of these two waits until the other has begun.

  Scenario: The first of two scenarios meets the second
    When scenario 1 of 2 meets the other

  Scenario: The second of two scenarios meets the first
    When scenario 2 of 2 meets the other
