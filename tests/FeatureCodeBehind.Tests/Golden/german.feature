# language: de
Funktionalität: Deutsche Schlüsselwörter
  Szenario: Ein Pool wird geleert
    Angenommen Pool gpu-0 bedient llama-7b-v1
    Wenn der Pool geleert wird
    Dann ist der Pool nicht bereit
    Und kein Lease wird vergeben
    Aber die Engine läuft noch
