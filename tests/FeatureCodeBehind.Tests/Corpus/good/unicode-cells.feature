Feature: x
  Scenario: y
    Given z
      | 😀😀 | ∑ |
      | é | 🏳️‍🌈 |
