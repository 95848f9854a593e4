#language:fr
Fonctionnalité: x
