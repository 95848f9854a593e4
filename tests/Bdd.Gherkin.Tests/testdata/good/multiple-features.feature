Feature: one
Feature: two
