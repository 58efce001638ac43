## The live room (rooms/pages.rs, web/static/room/). Messages ending in -one / -other are
## the plural forms of one message: the scripts choose with Intl.PluralRules, so a
## language may add -zero, -two, -few, -many; { $count } is the number, already formatted.
## A { $variable } is filled in by the scripts.

## The list of rooms
room-list-title = Salles en direct
room-list-lead = Les salles d'atelier où vous pouvez entrer : discussion, mains levées, sondages, questions et tableau d'idées, en direct.
room-list-none = Il n'y a pas encore de salle où vous pouvez entrer.
room-list-you-moderate = Vous la modérez
room-list-more = Autres salles
room-list-next = Salles suivantes
room-access-open = Ouverte à toute personne connectée
room-access-members = Réservée aux membres de l'organisation
room-access-invite = Sur invitation
room-access-event = Réservée aux participants de l'événement

## A new room
room-new-link = Nouvelle salle
room-new-title = Nouvelle salle
room-new-name = Nom
room-new-description = Description (facultatif)
room-new-access = Qui peut entrer
room-new-dots = Gommettes par personne sur le tableau d'idées
room-new-dots-hint = De 0 à 100.
room-new-submit = Créer la salle
notice-room-created = La salle est ouverte. Vous la modérez.
v-must-be-between-0-and-100 = Saisissez un nombre entre 0 et 100.
v-must-be-open-or-invite = Choisissez qui peut entrer.

## The room's page
room-needs-javascript = La salle en direct a besoin de JavaScript : il est désactivé dans ce navigateur.
room-present-link = Vue projecteur
room-present-title = { $name } (projecteur)
room-present-top-questions = Questions les plus soutenues
room-tabs-label = Panneaux de la salle
room-someone = Quelqu'un
room-cancel = Annuler

## Connection status
room-status-connecting = Connexion…
room-status-reconnecting-now = Reconnexion…
room-status-connected = En direct
room-status-resumed = De nouveau en direct : vous êtes à jour
room-status-reconnecting = Reconnexion dans { $seconds } s…
room-status-closed = Salle fermée : l'événement est terminé, l'historique reste consultable
room-status-kicked = Un modérateur vous a retiré l'accès à cette salle.
room-status-forbidden = Vous ne pouvez plus entrer dans cette salle.
room-status-session = Votre session a pris fin : reconnectez-vous.
room-status-broken = La connexion a échoué : rechargez la page.

## Chat
room-chat-title = Discussion
room-chat-loading = Chargement de la conversation…
room-chat-history-loaded = Les messages précédents sont chargés.
room-chat-empty = Aucun message pour l'instant.
room-composer-label = Message
room-composer-send = Envoyer
room-composer-file = Joindre un fichier
room-composer-locked = La salle est verrouillée : seuls les modérateurs peuvent écrire pour l'instant.
room-composer-muted = Un modérateur a suspendu votre parole jusqu'à { $time }.
room-composer-closed = La salle est fermée : plus rien ne peut y être publié.
room-composer-queued = Connexion perdue : votre message sera envoyé dès qu'elle sera rétablie.
room-announce-one = { $name } : { $text }
room-announce-many-one = { $count } nouveau message
room-announce-many-other = { $count } nouveaux messages
room-msg-actions = Actions
room-msg-actions-for = Actions sur le message de { $name }
room-msg-reply = Répondre
room-msg-reply-label = Votre réponse à { $name }
room-msg-edit = Modifier
room-msg-edit-label = Modifier votre message
room-msg-save = Enregistrer
room-msg-delete = Supprimer
room-msg-delete-confirm = Supprimer ce message pour tout le monde ?
room-msg-delete-yes = Oui, le supprimer
room-msg-deleted = Ce message a été supprimé.
room-msg-edited = modifié
room-msg-react-with = Réagir avec { $emoji }
room-reaction-count-one = { $emoji } : { $count } réaction (ajouter ou retirer la vôtre)
room-reaction-count-other = { $emoji } : { $count } réactions (ajouter ou retirer la vôtre)
room-file-uploading = Envoi du fichier…
room-file-too-large = Le fichier est trop volumineux.
room-file-failed = Le fichier n'a pas pu être envoyé.
room-file-download = Télécharger { $name }

## Refusals, in words
room-refused-muted = Votre parole est suspendue : vous ne pouvez pas écrire pour l'instant.
room-refused-muted-until = Votre parole est suspendue jusqu'à { $time } : votre texte est conservé.
room-refused-locked = La salle est verrouillée : seuls les modérateurs peuvent écrire. Votre texte est conservé.
room-refused-closed = La salle est fermée : plus rien ne peut y être publié.
room-refused-slow-one = Mode lent : attendez { $count } seconde avant votre prochain message. Votre texte est conservé.
room-refused-slow-other = Mode lent : attendez { $count } secondes avant votre prochain message. Votre texte est conservé.
room-refused-slow-mode = Mode lent : attendez un peu avant votre prochain message. Votre texte est conservé.
room-refused-rate-limited = Trop d'actions à la fois : patientez un instant, elles seront renvoyées.
room-refused-too-long = Ce texte est trop long.
room-refused-forbidden = Cette action ne vous est pas permise.
room-refused-not-found = Cet élément n'existe plus.
room-refused-conflict = C'est déjà fait.
room-refused-no-dots = Toutes vos gommettes sont utilisées : reprenez-en d'abord une.
room-refused-invalid = L'envoi a échoué : vérifiez ce que vous avez saisi.
room-refused-unavailable = Le serveur est surchargé : une nouvelle tentative sera faite.
room-refused-offline = Pas de connexion.
room-refused-other = Cette action n'a pas pu être effectuée.

## The log's lines about the room
room-log-poll-created = { $name } a lancé un sondage : { $question }
room-log-poll-closed = { $name } a clos un sondage.
room-log-locked = { $name } a verrouillé la salle : seuls les modérateurs peuvent écrire.
room-log-unlocked = { $name } a déverrouillé la salle.
room-log-closed = L'événement est terminé : la salle est fermée.
room-log-slow-on = { $name } a activé le mode lent ({ $seconds } s entre les messages).
room-log-slow-off = { $name } a désactivé le mode lent.
room-log-muted = { $name } a suspendu la parole de { $person } jusqu'à { $time }.
room-log-unmuted = { $name } a rendu la parole à { $person }.
room-log-kicked = { $name } a exclu { $person } de la salle.
room-log-unkicked = { $name } a réadmis { $person }.

## Hands
room-hands-title = Mains levées
room-hands-none = Aucune main levée.
room-hand-raise = Lever la main
room-hand-lower = Baisser la main
room-hand-lower-other = Baisser
room-hand-lower-for = Baisser la main de { $name }
room-hands-clear = Baisser toutes les mains

## Polls
room-polls-title = Sondages
room-polls-none = Aucun sondage pour l'instant.
room-poll-new = Nouveau sondage
room-poll-question = Question
room-poll-options = Options
room-poll-options-hint = Une option par ligne, de 2 à 10.
room-poll-multiple = Plusieurs réponses possibles
room-poll-hide = Masquer les résultats jusqu'à la clôture du sondage
room-poll-create = Lancer le sondage
room-poll-created = Le sondage est ouvert.
room-poll-need-options = Saisissez une question et au moins deux options.
room-poll-choose-one = Choisissez une réponse
room-poll-choose-many = Choisissez une ou plusieurs réponses
room-poll-choose-first = Choisissez d'abord une réponse.
room-poll-vote = Voter
room-poll-change-vote = Modifier mon vote
room-poll-you-voted = Votre vote est pris en compte.
room-poll-close = Clore le sondage
room-poll-closed = Clos
room-poll-results-hidden = Les résultats sont masqués jusqu'à la clôture du sondage.
room-poll-votes-one = { $count } vote
room-poll-votes-other = { $count } votes
room-poll-votes-share = { $votes } ({ $share })
room-poll-voters-one = { $count } personne a voté
room-poll-voters-other = { $count } personnes ont voté

## Questions
room-questions-title = Questions
room-questions-none = Aucune question pour l'instant.
room-question-label = Votre question
room-question-ask = Poser la question
room-question-by = posée par { $name }
room-question-votes-one = { $count } vote
room-question-votes-other = { $count } votes
room-question-upvote = Moi aussi
room-question-answered = Traitée
room-question-pinned = Épinglée
room-question-hidden = Masquée
room-question-hidden-text = Une question masquée
room-question-mark-answered = Traitée
room-question-pin = Épingler
room-question-hide = Masquer

## Ideas
room-ideas-title = Tableau d'idées
room-ideas-none = Aucune idée pour l'instant.
room-idea-label = Votre idée
room-idea-column = Colonne (facultatif)
room-idea-column-named = Colonne { $name }
room-idea-add = Ajouter l'idée
room-idea-by = par { $name }
room-idea-dots-one = { $count } gommette
room-idea-dots-other = { $count } gommettes
room-idea-dots-left = Gommettes restantes : { $left } sur { $budget }.
room-idea-vote = Ajouter une gommette
room-idea-unvote = Reprendre ma gommette
room-idea-remove = Retirer
room-idea-move-to = Déplacer vers la colonne
room-idea-move = Déplacer

## People
room-people-title = Personnes présentes
room-people-count-one = { $count } personne dans la salle
room-people-count-other = { $count } personnes dans la salle
room-people-you = vous
room-people-muted-until = parole suspendue jusqu'à { $time }

## Moderation
room-mod-title = Modération
room-mod-lock = Verrouiller la salle
room-mod-unlock = Déverrouiller la salle
room-mod-slow = Mode lent
room-mod-slow-off = Désactivé
room-mod-slow-seconds = { $seconds } s entre les messages
room-mod-slow-apply = Appliquer
room-mod-mute = Suspendre la parole { $minutes } min
room-mod-mute-who = Suspendre la parole { $minutes } min : { $name }
room-mod-unmute = Rendre la parole
room-mod-unmute-who = Rendre la parole à { $name }
room-mod-kick = Exclure
room-mod-kick-who = Exclure { $name } de la salle
room-mod-unkick = Réadmettre
room-mod-unkick-who = Réadmettre { $name }
room-mod-removed = Personnes exclues
room-mod-removed-none = Personne n'a été exclu.
room-mod-hint = Suspendez la parole des personnes ou excluez-les depuis la liste des personnes présentes ; supprimez n'importe quel message depuis ses actions.

## Keyboard help
room-help-open = Raccourcis clavier
room-help-title = Raccourcis clavier
room-help-key-help = Afficher cette aide
room-help-key-compose = Aller à la zone de message
room-help-key-send = Envoyer le message
room-help-key-newline = Aller à la ligne dans le message
room-help-key-panels = Aller à un panneau : mains, sondages, questions, idées, personnes, modération
room-help-key-escape = Fermer cette aide ou les actions d'un message
room-help-close = Fermer
room-key-enter = Entrée
room-key-shift = Maj
room-key-alt = Alt
room-key-escape = Échap
