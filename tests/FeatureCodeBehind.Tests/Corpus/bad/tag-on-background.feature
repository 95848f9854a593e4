Feature: x
  @t
  Background: b
