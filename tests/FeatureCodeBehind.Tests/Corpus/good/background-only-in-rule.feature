Feature: Background in rule without feature background
  Rule: first rule
    Background: rule background
      Given rule setup

    Scenario: uses rule background
      When something

    Scenario: no steps gets no background

  Rule: second rule without background
    Scenario: no background
      Then nothing inherited
