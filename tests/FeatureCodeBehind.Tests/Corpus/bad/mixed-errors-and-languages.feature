# language: fr
@ok @pas bien
Fonctionnalité: erreurs en français
  Scénario: un
    Soit a
      | a | b |
      | c |
    Quand b
      """
      texte
      """
      | un |
      | deux | trois |
  Given is not French
  Exemples:
