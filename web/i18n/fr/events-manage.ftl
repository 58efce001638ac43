## Events: the moderators' back office (agenda, registrations, check-in, minutes,
## materials, moderators)
evm-nav-label = Gérer cet événement
evm-nav-agenda = Programme
evm-nav-registrations = Inscriptions
evm-nav-check-in = Émargement
evm-nav-minutes = Compte rendu
evm-nav-materials = Supports
evm-nav-moderators = Modérateurs
evm-back-to = Retour à { $title }

## Problems the service reports
evm-error-stale-minutes = Quelqu'un d'autre a enregistré le compte rendu après que vous l'avez ouvert. Votre texte est conservé ci-dessous, sous la version de l'autre personne. Reprenez ce dont vous avez besoin, puis enregistrez de nouveau pour remplacer sa version.
evm-error-last-moderator = C'est le dernier modérateur de l'événement. Ajoutez d'abord quelqu'un d'autre.
evm-error-moderates-by-role = Cette personne modère l'événement du fait de son rôle dans l'organisation. Modifiez plutôt ce rôle.
evm-error-already-added = Cette personne modère déjà l'événement.
evm-error-event-over = L'événement est terminé ou a été annulé : son programme ne peut plus être modifié.
v-only-the-event-s-moderators-may-do-this = Adressez-vous à un modérateur de l'événement : seuls ses modérateurs peuvent effectuer cette action.
v-must-be-a-date-and-time = Saisissez une date et une heure.
v-must-be-within-the-event-starts-at-t-ends-at = Choisissez une heure comprise entre le début et la fin de l'événement.
v-at-most-100-agenda-items = Limitez le programme à 100 points.

## Registrations
evm-registrations-title = Inscriptions : { $title }
evm-registrations-caption = Personnes inscrites à l'événement
evm-registrations-none = Personne ne correspond à ce filtre.
evm-registrations-shown = { $n ->
    [one] { $n } personne affichée
   *[other] { $n } personnes affichées
}
evm-count-seated = { $n ->
    [one] { $n } place confirmée
   *[other] { $n } places confirmées
}
evm-count-waitlisted = { $n } en liste d'attente
evm-count-attended = { $n ->
    [one] { $n } présent
   *[other] { $n } présents
}
evm-count-cancelled = { $n ->
    [one] { $n } annulation
   *[other] { $n } annulations
}
evm-download-csv = Télécharger le CSV
evm-open-check-in = Ouvrir l'écran d'émargement
evm-filter-label = Afficher
evm-filter-apply = Appliquer le filtre
evm-filter-all = Tout le monde
evm-filter-seated = Places confirmées
evm-filter-waitlisted = Liste d'attente, dans l'ordre
evm-filter-cancelled = Inscriptions annulées
evm-filter-attended = Présents
evm-col-name = Nom
evm-col-registered = Date d'inscription
evm-col-status = Statut
evm-col-email = Adresse e-mail
evm-col-attended = Présence
evm-status-seated = Place confirmée
evm-status-waitlisted = Liste d'attente
evm-status-waitlisted-at = Liste d'attente : n° { $n }
evm-status-cancelled = Annulée
evm-attended-yes = Présent
evm-attended-no = Non émargé

## Check-in at the door
evm-checkin-title = Émargement : { $title }
evm-checkin-progress = Présents : { $n } sur { $total }
evm-checkin-search = Rechercher par nom
evm-checkin-search-submit = Rechercher
evm-checkin-nobody = Aucune place n'est encore attribuée.
evm-checkin-no-match = Aucune personne ayant une place ne porte ce nom.
evm-checkin-mark = Enregistrer la présence
evm-checkin-undo = Annuler
evm-checkin-here = Présence enregistrée
evm-checkin-saved = Enregistré.
evm-checkin-waiting = { $n ->
    [one] En attente de connexion ({ $n } modification pas encore enregistrée)
   *[other] En attente de connexion ({ $n } modifications pas encore enregistrées)
}
evm-checkin-failed = Une modification a été refusée et annulée. Rechargez la page pour voir la liste telle qu'elle est enregistrée.
evm-checkin-signed-out = Vous êtes déconnecté. Reconnectez-vous dans un autre onglet : les émargements en attente sont conservés et seront alors envoyés.
notice-evm-marked-attended = Présence enregistrée.
notice-evm-unmarked = Présence annulée.

## Agenda
evm-agenda-title = Programme : { $title }
evm-agenda-times-in = Les horaires sont exprimés dans le fuseau horaire de l'événement, { $tz }. Les points sont classés par ordre chronologique. Laissez une ligne vide pour l'ignorer.
evm-agenda-item = Point { $n }
evm-agenda-time = Début
evm-agenda-item-title = Titre
evm-agenda-speaker = Intervenant
evm-agenda-notes = Notes
evm-agenda-remove = Retirer ce point
evm-agenda-save = Enregistrer le programme
evm-agenda-add-rows = Ajouter des lignes
notice-evm-agenda-saved = Le programme est enregistré.

## Minutes
evm-minutes-title = Compte rendu : { $title }
evm-minutes-stored = Version { $n }, enregistrée le { $when }
evm-minutes-none-yet = Pas encore de compte rendu.
evm-minutes-revisions-link = Toutes les versions
evm-minutes-theirs = Le compte rendu tel qu'il est enregistré
evm-minutes-field = Compte rendu
evm-minutes-hint = Markdown : # pour les titres, * pour les listes, **gras**. Seuls les modérateurs de l'événement le voient tant qu'il n'est pas publié.
evm-minutes-save = Enregistrer le compte rendu
evm-minutes-preview = Aperçu
evm-minutes-preview-title = Aperçu
evm-minutes-from-room-title = Partir de l'historique de la salle
evm-minutes-from-room-hint = Remplace le compte rendu par l'historique de la salle en direct de l'événement (messages, sondages, questions et idées). Le texte actuel reste disponible parmi les versions.
evm-minutes-from-room = Partir de l'historique
notice-evm-minutes-saved = Le compte rendu est enregistré.
notice-evm-minutes-from-room = Le compte rendu reprend maintenant l'historique de la salle. Modifiez-le ci-dessous.
evm-minutes-publication-title = Publication
evm-minutes-published = Publié le { $when } : toutes les personnes qui peuvent voir l'événement le lisent, et chaque modification enregistrée s'affiche aussitôt.
evm-minutes-unpublished = Non publié : seuls les modérateurs de l'événement le voient.
evm-minutes-publish = Publier le compte rendu
evm-minutes-withdraw = Retirer le compte rendu
notice-evm-minutes-published = Le compte rendu est publié : toutes les personnes qui peuvent voir l'événement peuvent le lire.
notice-evm-minutes-withdrawn = Le compte rendu est retiré : seuls les modérateurs de l'événement le voient.
evm-minutes-source-written = Rédigé
evm-minutes-source-from-room = Historique de la salle
evm-revisions-title = Versions du compte rendu : { $title }
evm-back-to-minutes = Retour au compte rendu
evm-revision-version = Version
evm-revision-source = Origine
evm-revision-when = Enregistrement
evm-revision-n = Version { $n }
evm-revision-markdown = Markdown
evm-pagination-label = Autres versions
evm-next-page = Page suivante

## Moderators
evm-moderators-title = Modérateurs : { $title }
evm-moderator-actions = Actions
evm-moderator-you = (vous)
evm-moderator-remove = Retirer { $name }
evm-moderator-add-title = Ajouter un modérateur
evm-moderator-email = Adresse e-mail
evm-moderator-email-hint = L'adresse de son compte. Cette personne modérera l'événement et sa salle en direct.
evm-moderator-add = Ajouter le modérateur
notice-evm-moderator-added = Le modérateur est ajouté.
notice-evm-moderator-removed = Le modérateur est retiré.

## Materials
evm-materials-title = Supports : { $name }
