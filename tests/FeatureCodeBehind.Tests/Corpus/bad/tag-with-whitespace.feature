@ok @not ok
Feature: Tag errors
  @fine @bad tag
  Scenario: tagged
    Given a step
