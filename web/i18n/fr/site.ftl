## The frame of every page
site-name = livinglab
skip-to-content = Aller au contenu
nav-label = Menu principal
nav-practices = Bonnes pratiques
nav-events = Événements
nav-rooms = Salles
nav-organizations = Organisations
nav-account = Mon compte
nav-sign-in = Se connecter
nav-sign-up = S'inscrire
nav-sign-out = Se déconnecter
footer-language = Langue
footer-language-apply = Changer
footer-about = livinglab : des villes qui apprennent des villes.

## Notices shown once after an action
notice-signed-in = Connexion réussie.
notice-signed-up = Bienvenue ! Votre compte est prêt.
notice-signed-out = Déconnexion effectuée.

## Errors
error-go-home = Retour à la page d'accueil
error-internal = Une erreur s'est produite de notre côté. Veuillez réessayer.
error-bad-request = La requête n'a pas pu être comprise
error-invalid-json = La requête n'a pas pu être comprise
error-unauthorized = Veuillez vous connecter
error-invalid-credentials = Adresse e-mail ou mot de passe incorrect
error-session-expired = Votre session a pris fin : veuillez vous reconnecter
error-forbidden = Action non autorisée
error-not-found = Page introuvable
error-conflict = Cela entre en conflit avec l'état actuel
error-precondition-failed = Quelqu'un a modifié ceci entre-temps
error-payload-too-large = Trop volumineux
error-quota-exceeded = Votre espace de stockage est plein
error-unsupported-media-type = Ce type de fichier ou de formulaire n'est pas accepté
error-validation-failed = Certains champs sont à vérifier
error-rate-limited = Trop de tentatives : veuillez patienter un instant puis réessayer
error-service-unavailable = Le service est surchargé : veuillez réessayer dans un instant
error-gone = Ce contenu n'est plus disponible
error-internal-error = Une erreur s'est produite de notre côté
error-last-admin = Le dernier administrateur ne peut pas effectuer cette action
error-last-owner = Une organisation n'aurait plus de propriétaire : transférez-en d'abord la propriété

## Forms
form-problems = Il y a un problème
form-error-prefix = Erreur :
field-email = Adresse e-mail
field-password = Mot de passe
field-new-password = Mot de passe
field-display-name = Votre nom
hint-password = Au moins 10 caractères. Quelques mots sans rapport entre eux sont faciles à retenir et difficiles à deviner.

## Months (dates are written as « 3 déc. 2026 »)
month-short-1 = janv.
month-short-2 = févr.
month-short-3 = mars
month-short-4 = avr.
month-short-5 = mai
month-short-6 = juin
month-short-7 = juil.
month-short-8 = août
month-short-9 = sept.
month-short-10 = oct.
month-short-11 = nov.
month-short-12 = déc.

## Home
home-title = Des villes qui apprennent des villes
home-description = Bonnes pratiques, ateliers et salles en direct pour les villes européennes sur la voie de la neutralité climatique.
