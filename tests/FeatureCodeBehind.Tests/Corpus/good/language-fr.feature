# language: fr
Fonctionnalité: Français
  Contexte:
    Soit un contexte

  Scénario: Apostrophes
    Quand l'utilisateur agit
    Et qu'il continue
    Alors c'est fait
    Mais pas d'erreur
